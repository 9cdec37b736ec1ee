/** The caller of a request, and the guard that refuses the development key outside the sandbox. */
package com.assuregateway.security.boundary;
