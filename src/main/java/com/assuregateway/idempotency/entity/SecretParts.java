package com.assuregateway.idempotency.entity;

import java.util.List;

/**
 * An answer with top-level members that must not be stored in the clear when the answer is kept for an
 * Idempotency-Key replay (session tokens, keys). The store keeps them sealed, and the replay restores them.
 */
public interface SecretParts {

    /** The names of the answer's top-level JSON members that are secret. */
    List<String> secretMembers();
}
