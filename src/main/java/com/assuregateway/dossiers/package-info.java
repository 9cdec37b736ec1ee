/** The portal-facing FaceTec flow: dossiers, processes, photos, verification and results. */
package com.assuregateway.dossiers;
