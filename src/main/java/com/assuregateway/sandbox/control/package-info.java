/** Sandbox logic: in-memory state, outcome markers, result building, request parsing and spec-shaped JSON. */
package com.assuregateway.sandbox.control;
