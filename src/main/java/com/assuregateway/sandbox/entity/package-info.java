/** Sandbox value types and the one mutable process record, all safe to share between concurrent requests. */
package com.assuregateway.sandbox.entity;
