/** Endpoints, events as stored once, deliveries with their attempts, and the events' payloads. */
package com.assuregateway.webhooks.entity;
