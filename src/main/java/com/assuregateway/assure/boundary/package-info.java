/** JAX-RS filters the upstream client needs from incoming requests. */
package com.assuregateway.assure.boundary;
