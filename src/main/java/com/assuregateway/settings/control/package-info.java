/**
 * Typed settings, one MicroProfile Config {@code @ConfigProperties} class per concern, each holding its keys
 * and their defaults in one place (docs/configuration.md lists them). A leaf: it imports nothing of the
 * gateway, so every component may read the settings of a concern it depends on (the deployment posture reads
 * the sandbox and archive switches, the Assure client the sandbox's). Inject with the qualifier:
 * {@code @Inject @ConfigProperties FollowUpSettings followUp;}. Keys read on purpose per request (the sandbox
 * switch, so a changed config source applies without a restart) take key and default from here too.
 */
package com.assuregateway.settings.control;
