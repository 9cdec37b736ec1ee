/** Roles, the tenant scope a caller may see, the deployment mode and what the development keys are. */
package com.assuregateway.security.entity;
