/** The endpoints API (/api/v1/webhook-endpoints), its views, and the background sender's timer. */
package com.assuregateway.webhooks.boundary;
