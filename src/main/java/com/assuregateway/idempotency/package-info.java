/** Idempotency-Key for portal POSTs: a retried request gets the first answer instead of a second effect. */
package com.assuregateway.idempotency;
