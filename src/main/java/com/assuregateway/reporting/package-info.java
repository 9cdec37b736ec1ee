/** The read side for auditors and portals: process listing, timelines, statistics and exports over the dossiers and the audit trail. */
package com.assuregateway.reporting;
