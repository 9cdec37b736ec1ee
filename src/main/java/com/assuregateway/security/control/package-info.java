/** Whether this deployment may serve and trust development keys (its posture), and development tokens. */
package com.assuregateway.security.control;
