/** Read models of the audit queries: process summaries, timelines and statistics. */
package com.assuregateway.reporting.entity;
