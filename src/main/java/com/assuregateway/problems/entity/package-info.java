/** The problem types and the exception that carries one. */
package com.assuregateway.problems.entity;
