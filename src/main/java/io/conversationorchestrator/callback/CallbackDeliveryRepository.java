package io.conversationorchestrator.callback;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CallbackDeliveryRepository
    implements PanacheRepositoryBase<CallbackDeliveryEntity, UUID> {}
