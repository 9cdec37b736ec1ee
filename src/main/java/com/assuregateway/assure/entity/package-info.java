/** Value types read from Assure's answers. */
package com.assuregateway.assure.entity;
