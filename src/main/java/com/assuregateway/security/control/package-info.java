/** Development bearer tokens: minted with the development key for the sandbox, developers and tests. */
package com.assuregateway.security.control;
