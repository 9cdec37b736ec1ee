/** The /api/v1/dossiers resources, the orchestrating EJB and the DTOs at the edge. */
package com.assuregateway.dossiers.boundary;
