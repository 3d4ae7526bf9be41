/**
 * How every service of the fleet writes its log: the console layout of {@code logback-spring.xml}, with each
 * message's control characters escaped so that a logged value cannot forge a line.
 */
package com.autoretail.common.logging;
