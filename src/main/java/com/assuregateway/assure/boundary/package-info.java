/** What the rest of the server sees of the upstream: the port-learning filter and Assure's readiness check. */
package com.assuregateway.assure.boundary;
