/** The REST client, its OAuth2 token cache and the wrapper that records every call. */
package com.assuregateway.assure.control;
