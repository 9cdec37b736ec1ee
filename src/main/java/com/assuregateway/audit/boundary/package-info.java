/** The audit API: process listing, timelines, statistics and exports, for auditors and portals. */
package com.assuregateway.audit.boundary;
