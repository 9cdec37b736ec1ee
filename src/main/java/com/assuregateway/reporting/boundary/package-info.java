/** The /api/v1/audit resources: process listing, timelines, statistics and exports, and their views. */
package com.assuregateway.reporting.boundary;
