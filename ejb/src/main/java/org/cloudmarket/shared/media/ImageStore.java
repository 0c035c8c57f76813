package org.cloudmarket.shared.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.function.Predicate;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Stores and serves the tenant's pictures for the services that show them (products, storefronts),
 * inside their transaction. Whoever shows a picture keeps its id and decides who may see it.
 */
@ApplicationScoped
public class ImageStore {

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    /** Checks and stores a picture; its id exists at once, so rows that point to it can follow. */
    public long store(byte[] data) {
        StoredImage image = new StoredImage(data);
        entityManager.persist(image);
        entityManager.flush();
        return image.getId();
    }

    /** Drops a picture nothing shows any more (after the rows that showed it have let go of it). */
    public void discard(Long imageId) {
        if (imageId == null) {
            return;
        }
        entityManager.flush();
        entityManager.createQuery("DELETE FROM StoredImage i WHERE i.id = :id AND i.tenantId = :tenant")
                .setParameter("id", imageId).setParameter("tenant", tenantContext.requireTenantId()).executeUpdate();
    }

    /**
     * The picture to answer with: its bytes are read only when the client holds no copy of this
     * very picture ({@code clientHolds} tests a digest against what the client sent).
     */
    public Optional<ServedImage> serve(Long imageId, Predicate<String> clientHolds) {
        if (imageId == null) {
            return Optional.empty();
        }
        return entityManager.createNamedQuery(StoredImage.TAG, ImageTag.class).setParameter("id", imageId)
                .getResultStream().findFirst()
                .map(tag -> clientHolds.test(tag.digest()) ? ServedImage.unchanged(tag)
                        : ServedImage.of(tag, entityManager.createNamedQuery(StoredImage.DATA, byte[].class)
                                .setParameter("id", imageId).getSingleResult()));
    }
}
