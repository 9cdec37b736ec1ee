/** The stored first answer of a key. */
package com.assuregateway.idempotency.entity;
