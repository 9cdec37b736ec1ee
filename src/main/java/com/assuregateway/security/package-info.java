/** Who may call the portal API: MicroProfile JWT bearer tokens, roles and tenant isolation. */
package com.assuregateway.security;
