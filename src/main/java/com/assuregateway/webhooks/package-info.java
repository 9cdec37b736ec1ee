/** Signed events to portals (Standard Webhooks): endpoints per tenant, the transactional outbox, the sender. */
package com.assuregateway.webhooks;
