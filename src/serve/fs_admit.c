#include "fs_admit.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

fs_route fs_admit_route(const char *path)
{
    static const struct {
        const char *path;
        fs_route route;
    } routes[] = {{"/", FS_ROUTE_PAGE},           {"/app.js", FS_ROUTE_SCRIPT},
                  {"/app.css", FS_ROUTE_STYLE},   {"/favicon.svg", FS_ROUTE_ICON},
                  {"/events", FS_ROUTE_EVENTS},   {"/status", FS_ROUTE_STATUS},
                  {"/api/state", FS_ROUTE_STATE}, {"/api/doc", FS_ROUTE_DOC},
                  {"/png", FS_ROUTE_PNG},         {"/pdf", FS_ROUTE_PDF}};
    for (size_t i = 0; path && i < sizeof routes / sizeof routes[0]; i++)
        if (strcmp(path, routes[i].path) == 0)
            return routes[i].route;
    return FS_ROUTE_NONE;
}

bool fs_admit_method(const char *method)
{
    return method && (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0);
}

/* True when port text is exactly the decimal port. */
static bool same_port(const char *text, unsigned port)
{
    if (!*text || strlen(text) > 5 || strspn(text, "0123456789") != strlen(text))
        return false;
    return strtoul(text, NULL, 10) == port;
}

bool fs_admit_host(const char *host, unsigned port)
{
    if (!host || !*host)
        return false;
    char name[64];
    const char *port_text = NULL;
    size_t length;
    if (host[0] == '[') {
        const char *end = strchr(host, ']');
        if (!end)
            return false;
        length = (size_t)(end - host - 1);
        if (length == 0 || length >= sizeof name)
            return false;
        memcpy(name, host + 1, length);
        name[length] = '\0';
        struct in6_addr address;
        if (inet_pton(AF_INET6, name, &address) != 1)
            return false;
        if (end[1] == ':')
            port_text = end + 2;
        else if (end[1] != '\0')
            return false;
    } else {
        const char *colon = strchr(host, ':');
        length = colon ? (size_t)(colon - host) : strlen(host);
        if (length == 0 || length >= sizeof name)
            return false;
        memcpy(name, host, length);
        name[length] = '\0';
        struct in_addr address;
        if (strcasecmp(name, "localhost") != 0 && inet_pton(AF_INET, name, &address) != 1)
            return false;
        port_text = colon ? colon + 1 : NULL;
    }
    return port_text ? same_port(port_text, port) : port == 80;
}
