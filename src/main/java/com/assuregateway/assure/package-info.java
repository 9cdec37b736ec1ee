/** The upstream: Signicat Assure, reached through a MicroProfile REST Client. */
package com.assuregateway.assure;
