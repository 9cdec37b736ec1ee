/** HTTP face of the sandbox: the simulated Assure, token and control endpoints, their gate and their problem bodies. */
package com.assuregateway.sandbox.boundary;
