/** The JAX-RS application root. */
package com.assuregateway.platform.boundary;
