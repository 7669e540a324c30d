package org.healthcrm.platform;

import java.util.function.Supplier;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import jakarta.mail.util.StreamProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names, once, the implementation that two library lookups would otherwise search the class path for on every call.
 *
 * <p>{@link DatatypeFactory#newInstance()} (the process engine calls it for every timer it schedules, the intake's
 * 24-hour escalation among them) and Jakarta Mail's {@link StreamProvider#provider()} (called several times for every
 * message written or parsed) first read a system property named after the service, and only when it is unset ask
 * {@link java.util.ServiceLoader}, which opens every jar of the class path looking for its service file. Those scans
 * were 1.7% of the JVM's CPU samples in the intake benchmark. At start-up the application runs each lookup once
 * and sets the property to the class it found, so every later call gets the same implementation without the scan.
 * A property the operator set on the command line is kept, and a class the system class loader does not know is not
 * named (in the packaged jar, Jakarta Mail's provider: see {@link #visibleToEveryThread}).
 */
public final class ServiceLookups {

    private static final Logger log = LoggerFactory.getLogger(ServiceLookups.class);

    private ServiceLookups() {
    }

    /** Pins the implementations of {@link DatatypeFactory} and {@link StreamProvider} (see the class comment). */
    public static void pinLibraryLookups() {
        pin(DatatypeFactory.class, () -> {
            try {
                return DatatypeFactory.newInstance();
            } catch (DatatypeConfigurationException e) {
                throw new IllegalStateException(e);
            }
        });
        pin(StreamProvider.class, StreamProvider::provider);
    }

    /**
     * Sets the system property named after {@code service} to the class of what {@code lookup} finds, unless the
     * property is set already; a lookup that fails leaves the property unset (the library then searches as before).
     */
    static void pin(Class<?> service, Supplier<?> lookup) {
        String property = service.getName();
        if (System.getProperty(property) != null) {
            return;
        }
        Class<?> found;
        try {
            found = lookup.get().getClass();
        } catch (RuntimeException | LinkageError e) {
            log.warn("No implementation of {} found at start-up ({}): it is looked up on each use",
                    property, e.getClass().getSimpleName());
            return;
        }
        if (!visibleToEveryThread(found)) {
            log.debug("{} is not pinned: {} is not on the system class path", property, found.getName());
            return;
        }
        System.setProperty(property, found.getName());
    }

    /**
     * Whether the system class loader gives the same class: the libraries load a class named by the property through
     * the calling thread's context class loader and fail, instead of searching, when it does not know the class; the
     * system class loader is the one every context class loader delegates to (and the one of the common pool's
     * threads). Inside the packaged jar a library's classes are in nested jars the system class loader does not read,
     * and such a lookup is left as the library does it.
     */
    private static boolean visibleToEveryThread(Class<?> type) {
        try {
            return Class.forName(type.getName(), false, ClassLoader.getSystemClassLoader()) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
