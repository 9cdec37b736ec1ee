/** Transactional record keeping, image checks and fingerprints for the flow. */
package com.assuregateway.dossiers.control;
