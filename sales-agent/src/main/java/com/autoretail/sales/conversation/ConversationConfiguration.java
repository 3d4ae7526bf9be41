package com.autoretail.sales.conversation;

import com.autoretail.sales.SalesProperties;
import com.autoretail.sales.inventory.InventoryClient;
import com.autoretail.sales.session.SessionLocks;
import com.autoretail.sales.session.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The conversation's beans. The LLM classifier exists when the OpenAI chat model does: its condition is the
 * OpenAI chat auto-configuration's own ({@code spring.ai.model.chat} openai or absent), which agent-common's {@code LlmSwitch}
 * sets to {@code none} without a key; a bean condition on {@code ChatModel} would be evaluated before the
 * auto-configurations register it.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConversationConfiguration.class);

    @Bean
    MessageRules messageRules(SalesProperties properties) {
        return new MessageRules(properties.maxMessageLength());
    }

    @Bean
    @ConditionalOnClass(ChatClient.class)
    @ConditionalOnProperty(name = "spring.ai.model.chat", havingValue = "openai", matchIfMissing = true)
    LlmClassifier llmClassifier(ChatClient.Builder chatClients) {
        return new LlmClassifier(chatClients.build(), new RuleClassifier());
    }

    @Bean
    ConversationService conversationService(ObjectProvider<LlmClassifier> llm, SessionStore sessions,
                                            SessionLocks locks, InventoryClient inventory,
                                            SalesProperties properties) {
        IntentClassifier classifier = llm.getIfAvailable();
        if (classifier == null) {
            classifier = new RuleClassifier();
        }
        log.info("Messages are classified by {}", classifier instanceof LlmClassifier ? "the LLM (rules as fallback)"
                : "the rules (no OpenAI key)");
        SalesProperties.Inventory settings = properties.inventory();
        return new ConversationService(classifier, sessions, locks, new StockHandler(inventory),
                new OrderHandler(inventory, settings.holdTtl(), settings.location(), properties.maxQuantity()),
                new CheckoutHandler(inventory), properties.sessions().maxHistory(), Clock.systemUTC());
    }
}
