package com.assuregateway.assure.entity;

/**
 * Assure's answer to "create process" for FaceTec: the ids and the session parameters the portal's app
 * initialises the FaceTec SDK with. The production key comes as {@code facetecMobileSdkProductionKey}
 * (the contract) or {@code facetecProductionKeyText} (the integration guide).
 */
public record CreatedProcess(String processId, String status, String authorization, String deviceKeyIdentifier,
                             String encryptionPublicKey, String productionKeyText) {
}
