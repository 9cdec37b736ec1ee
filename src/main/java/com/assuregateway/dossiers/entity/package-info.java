/** JPA entities of dossiers and verification processes and their value types. */
package com.assuregateway.dossiers.entity;
