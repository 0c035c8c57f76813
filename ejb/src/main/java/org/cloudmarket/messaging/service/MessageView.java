package org.cloudmarket.messaging.service;

import java.time.Instant;
import org.cloudmarket.messaging.domain.Message;

public record MessageView(long id, String subject, String body, Instant createdAt, boolean read) {

    static MessageView of(Message message) {
        return new MessageView(message.getId(), message.getSubject(), message.getBody(), message.getCreatedAt(),
                message.getReadAt().isPresent());
    }
}
