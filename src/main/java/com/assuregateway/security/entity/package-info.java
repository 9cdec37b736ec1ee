/** Roles and the tenant scope a caller may see. */
package com.assuregateway.security.entity;
