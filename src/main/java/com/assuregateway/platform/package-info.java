/** The top-level wiring: the JAX-RS application, request filters, static files, the liveness check and framework set-up. */
package com.assuregateway.platform;
