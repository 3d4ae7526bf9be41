/**
 * The inventory agent: its application, settings, the agent operations ({@code InventoryAgent}) and the use cases
 * shared by them and the REST API ({@code InventoryService}).
 */
package com.autoretail.inventory;
