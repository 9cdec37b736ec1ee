/** The caller of a request, the role check, and the guard and health check of the deployment's posture. */
package com.assuregateway.security.boundary;
