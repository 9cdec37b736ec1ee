/** The JAX-RS filter that replays, refuses or records. */
package com.assuregateway.idempotency.boundary;
