/** The audit event entity, its kinds and the subject (dossier, process) an event is about. */
package com.assuregateway.audit.entity;
