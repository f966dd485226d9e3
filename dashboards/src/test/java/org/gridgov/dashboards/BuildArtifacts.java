package org.gridgov.dashboards;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Names of the files the Maven build produces, read from the modules' poms. */
final class BuildArtifacts {

    private BuildArtifacts() {}

    /**
     * The main jar of a module: {@code build/finalName} if the pom sets one, else artifactId-version (the version
     * inherited from the parent when the module has none). batch-jobs shades into this same file.
     */
    static String jarName(Path pom) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(pom.toFile());
            Element project = doc.getDocumentElement();
            String artifactId = child(project, "artifactId");
            String version = child(project, "version");
            if (version == null) {
                version = child(child(project, "parent", true), "version");
            }
            Element build = child(project, "build", true);
            String finalName = build == null ? null : child(build, "finalName");
            String name = finalName != null ? finalName : artifactId + "-" + version;
            return name.replace("${project.artifactId}", artifactId).replace("${project.version}", version) + ".jar";
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static String child(Element parent, String name) {
        Element e = child(parent, name, true);
        return e == null ? null : e.getTextContent().trim();
    }

    private static Element child(Element parent, String name, boolean element) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
