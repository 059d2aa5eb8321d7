using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace SecondSource.Web.Tests.Infrastructure;

/// <summary>Drives the app as a browser would, without one: pages parsed with AngleSharp, forms posted with their antiforgery token.</summary>
public static class WebSession
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html));
    }

    /// <summary>Fills the form (first, or matched by <paramref name="formSelector"/>) of the page at <paramref name="pageUrl"/> and submits it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> values, string formSelector = "main form")
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await client.SubmitAsync(form, pageUrl, values);
    }

    /// <summary>
    /// Submits a form already parsed, as a browser would: every control's current value (hidden and visible inputs,
    /// checked boxes, selected options, text areas), with <paramref name="values"/> replacing the controls they name.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, string pageUrl, IReadOnlyDictionary<string, string> values, IHtmlElement? submitter = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "file" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                default:
                    break;
            }
        }

        fields.AddRange(values);
        var action = submitter?.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    /// <summary>Signs in through the login form; the client keeps the session cookie.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>A client signed in as the demo person with <paramref name="role"/> (at the party whose name contains <paramref name="party"/>).</summary>
    public static async Task<HttpClient> SignedInAsync(this SecondSourceWebFactory app, string role, string? party = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateBrowserlessClient();
        var who = app.Credential(role, party);
        await client.SignInOrFailAsync(who.Login, who.Secret);
        return client;
    }

    public static async Task SignInOrFailAsync(this HttpClient client, string email, string password)
    {
        using var response = await client.SignInAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {email}");
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }
}
