package org.quire.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The WAR's deployment descriptors are valid against their Jakarta EE schemas. Payara is told not
 * to validate them at every deployment (server-config/post-boot-commands.asadmin: the schemas'
 * parsing cost about a second of each start), so the build checks them once, against the schemas
 * the Jakarta EE API jars carry.
 */
class DeploymentDescriptorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "src/main/webapp/WEB-INF/web.xml, jakarta/servlet/resources/web-app_6_0.xsd",
            "src/main/webapp/WEB-INF/beans.xml, beans_4_0.xsd",
            "src/main/resources/META-INF/persistence.xml, jakarta/persistence/persistence_3_0.xsd"})
    void descriptorIsValidAgainstItsSchema(Path descriptor, String schema) throws Exception {
        assertEquals(List.of(), problems(descriptor.toUri().toString(), schema));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "an element the schema does not know, <web-app xmlns='https://jakarta.ee/xml/ns/jakartaee' version='6.0'><error-pages/></web-app>",
            "a wrong version, <web-app xmlns='https://jakarta.ee/xml/ns/jakartaee' version='6.1'/>"})
    void anInvalidDescriptorIsCaught(String what, String webXml) {
        assertThrows(SAXParseException.class,
                () -> validator("jakarta/servlet/resources/web-app_6_0.xsd").validate(new StreamSource(new StringReader(webXml))));
    }

    private static List<String> problems(String descriptor, String schema) throws SAXException, IOException {
        List<String> problems = new ArrayList<>();
        Validator validator = validator(schema);
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                problems.add("warning, " + where(e));
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(where(e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(where(e));
            }
        });
        validator.validate(new StreamSource(descriptor));
        return problems;
    }

    private static String where(SAXParseException e) {
        return "line " + e.getLineNumber() + ": " + e.getMessage();
    }

    /** The schema from the test class path; its includes and imports from beside it, never from the network. */
    private static Validator validator(String schema) throws SAXException {
        URL location = DeploymentDescriptorsTest.class.getClassLoader().getResource(schema);
        assertNotNull(location, schema + " is not on the test class path");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
        factory.setResourceResolver(localCopyOfTheXmlNamespace());
        return factory.newSchema(location).newValidator();
    }

    /** The Jakarta EE schemas import the XML namespace's by its W3C address: a copy from the test resources instead. */
    private static LSResourceResolver localCopyOfTheXmlNamespace() {
        return (type, namespace, publicId, systemId, baseUri) -> {
            if (!XMLConstants.XML_NS_URI.equals(namespace)) {
                return null;
            }
            try {
                DOMImplementationLS dom = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .getDOMImplementation().getFeature("LS", "3.0");
                LSInput copy = dom.createLSInput();
                copy.setSystemId(DeploymentDescriptorsTest.class.getClassLoader().getResource("schemas/xml.xsd").toString());
                return copy;
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
