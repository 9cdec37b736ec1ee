/** Cross-cutting wiring of the gateway: the JAX-RS application and what every component shares. */
package com.assuregateway.platform;
