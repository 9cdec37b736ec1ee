/** The archived full result. */
package com.assuregateway.archive.entity;
