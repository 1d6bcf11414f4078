package io.liaison.contract;

import io.liaison.Liaison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API as the class path holds it: every public type of the package {@code io.liaison}
 * (not its sub-packages spi and internal) and their public methods and constructors, found by
 * listing the directory or jar that {@link Liaison} was loaded from. Nothing is listed by hand, so
 * a type or method added to the API is found without anyone remembering to name it.
 */
final class ApiSurface {
  static final String PACKAGE = "io.liaison";

  private ApiSurface() {}

  /** Every public type of the package, nested public types included, sorted by name. */
  static List<Class<?>> publicTypes() {
    List<String> names = classNames();
    List<Class<?>> types = new ArrayList<>();
    for (String name : names) {
      Class<?> type;
      try {
        type = Class.forName(name, false, Liaison.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("listed but not loadable: " + name, e);
      }
      if (isPublic(type)) {
        types.add(type);
      }
    }
    types.sort(Comparator.comparing(Class::getName));
    return types;
  }

  /**
   * A public type reachable from outside: it and every type enclosing it are public, none anonymous
   * or local.
   */
  private static boolean isPublic(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())
          || c.isAnonymousClass()
          || c.isLocalClass()
          || c.isSynthetic()) {
        return false;
      }
    }
    return !type.getSimpleName().equals("package-info");
  }

  /** The public methods a type declares itself (not inherited), without compiler bridges. */
  static List<Method> publicMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
        .sorted(Comparator.comparing(ApiSurface::signature))
        .toList();
  }

  /**
   * The public constructors of a type that can be instantiated (not abstract, not an interface).
   */
  static List<Constructor<?>> publicConstructors(Class<?> type) {
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      return List.of();
    }
    return Arrays.stream(type.getDeclaredConstructors())
        .filter(c -> Modifier.isPublic(c.getModifiers()) && !c.isSynthetic())
        .sorted(Comparator.comparing(ApiSurface::signature))
        .<Constructor<?>>map(c -> c)
        .toList();
  }

  /** The type's name within the package, e.g. {@code Where.Compare}. */
  static String typeName(Class<?> type) {
    return type.getName().substring(PACKAGE.length() + 1).replace('$', '.');
  }

  /** {@code Type.method(ParamType, ...)}, constructors as {@code Type.new(...)}. */
  static String signature(Executable e) {
    String params =
        Arrays.stream(e.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "));
    String name = e instanceof Constructor<?> ? "new" : e.getName();
    return typeName(e.getDeclaringClass()) + "." + name + "(" + params + ")";
  }

  /** {@code signature param}: one parameter of one method or constructor. */
  static String key(Executable e, Parameter p) {
    return signature(e) + " " + p.getName();
  }

  private static List<String> classNames() {
    Path location;
    try {
      location = Path.of(Liaison.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String dir = PACKAGE.replace('.', '/') + "/";
    List<String> entries = new ArrayList<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.list(location.resolve(dir))) {
          files.map(f -> dir + f.getFileName()).forEach(entries::add);
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
            entries.add(all.nextElement().getName());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries.stream()
        .filter(n -> n.startsWith(dir) && n.endsWith(".class") && n.indexOf('/', dir.length()) < 0)
        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
        .sorted()
        .toList();
  }
}
