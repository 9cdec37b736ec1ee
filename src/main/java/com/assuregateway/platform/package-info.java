/** The top-level wiring: the JAX-RS application, request filters, static files and the liveness check. */
package com.assuregateway.platform;
