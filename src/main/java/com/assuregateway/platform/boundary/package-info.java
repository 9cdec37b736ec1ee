/** The JAX-RS application root, JSON settings, the static files beside it and the liveness check. */
package com.assuregateway.platform.boundary;
