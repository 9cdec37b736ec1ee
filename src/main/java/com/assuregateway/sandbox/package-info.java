/** Built-in simulator of the Signicat Assure (FaceTec) API and its OAuth2 token endpoint, served by the gateway itself for tests and demos. */
package com.assuregateway.sandbox;
