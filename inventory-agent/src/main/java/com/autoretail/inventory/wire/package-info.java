/**
 * The records of the inventory REST API on the wire, in the integration guide's shape.
 */
package com.autoretail.inventory.wire;
